package dev.admp.bench.report;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** A rendered page parsed as XML, which it must be, queried with XPath. */
public final class HtmlPage {
  private final Document document;

  private HtmlPage(Document document) {
    this.document = document;
  }

  public static HtmlPage parse(String html) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setExpandEntityReferences(false);
      return new HtmlPage(factory.newDocumentBuilder().parse(new InputSource(new StringReader(html))));
    } catch (Exception e) {
      throw new AssertionError("the page is not well-formed: " + e.getMessage(), e);
    }
  }

  public List<Element> select(String xpath) {
    try {
      NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
      List<Element> result = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        result.add((Element) nodes.item(i));
      }
      return result;
    } catch (Exception e) {
      throw new AssertionError("bad xpath " + xpath, e);
    }
  }

  /** The exact figure on the bar with this series (target) in the chart whose title starts with {@code chartTitle}. */
  public List<Double> barValues(String chartTitle, String series) {
    return select("//*[local-name()='svg'][starts-with(*[local-name()='title'], " + literal(chartTitle) + ")]"
        + "//*[local-name()='rect'][@data-series=" + literal(series) + "]").stream()
        .map(e -> Double.parseDouble(e.getAttribute("data-value"))).toList();
  }

  public String text() {
    return document.getDocumentElement().getTextContent();
  }

  /** An XPath string literal for any text (XPath 1.0 has no escapes). */
  static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }
}
