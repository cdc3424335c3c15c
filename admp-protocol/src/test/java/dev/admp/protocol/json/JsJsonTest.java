package dev.admp.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsJsonTest {
  private static String roundTrip(String json) {
    return JsJson.stringify(JsJson.parse(json));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "1.0 | 1", "1E2 | 100", "1.50 | 1.5", "-0 | 0", "-0.0 | 0", "1e21 | 1e+21", "1e20 | 100000000000000000000",
      "1e-7 | 1e-7", "0.000001 | 0.000001", "1.5e-7 | 1.5e-7", "12345678901234567890 | 12345678901234567000",
      "123456789012345678901 | 123456789012345680000", "9007199254740993 | 9007199254740992",
      "1152921504606846976 | 1152921504606847000", "0.1 | 0.1", "3.14 | 3.14", "-7 | -7",
      "0.30000000000000004 | 0.30000000000000004", "0.3333333333333333 | 0.3333333333333333",
      "1.7976931348623157e308 | 1.7976931348623157e+308", "5e-324 | 5e-324", "4.9e-324 | 5e-324",
      "1e-323 | 1e-323", "2.5e-8 | 2.5e-8", "123e-20 | 1.23e-18", "1e400 | null", "-1e400 | null",
      "1e-400 | 0", "100000000000000000000000 | 1e+23", "1.2345e25 | 1.2345e+25", "0.00001234 | 0.00001234",
      "9007199254740991 | 9007199254740991", "-9007199254740991 | -9007199254740991", "4.35 | 4.35",
      "1234567.0 | 1234567", "12345678.9 | 12345678.9", "2e-7 | 2e-7", "1E+2 | 100", "5E-1 | 0.5"})
  void numbersPrintAsJavaScriptPrintsThem(String json, String expected) {
    assertThat(roundTrip(json)).isEqualTo(expected);
  }

  @Test
  void formatNumberCoversNonFiniteAndNegativeZero() {
    assertThat(JsJson.formatNumber(Double.NaN)).isEqualTo("NaN");
    assertThat(JsJson.formatNumber(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    assertThat(JsJson.formatNumber(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    assertThat(JsJson.formatNumber(-0.0)).isEqualTo("0");
    assertThat(JsJson.formatNumber(Double.MIN_VALUE)).isEqualTo("5e-324");
    assertThat(JsJson.formatNumber(-1.5e-9)).isEqualTo("-1.5e-9");
  }

  @Test
  void javaBuiltNumbersPrintAsJavaScriptWouldReadJacksonsOutput() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("f", 0.1f);
    node.put("d", 1.0d);
    node.put("l", Long.MAX_VALUE);
    node.put("bi", new BigInteger("100000000000000000000000"));
    node.put("bd", new BigDecimal("1.000"));
    node.put("nan", Double.NaN);

    assertThat(JsJson.stringify(node))
        .isEqualTo("{\"f\":0.1,\"d\":1,\"l\":9223372036854776000,\"bi\":1e+23,\"bd\":1,\"nan\":null}");
  }

  @Test
  void stringsAreEscapedOnlyWhereJavaScriptEscapes() {
    String json = "{\"s\":\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0001\\u001f \\u007f / \\/ é – 世界 \\u2028\\u2029 <&>\"}";

    assertThat(roundTrip(json))
        .isEqualTo("{\"s\":\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0001\\u001f \u007f / / é – 世界 \u2028\u2029 <&>\"}");
  }

  @Test
  void emojiAndOtherSurrogatePairsAreWrittenRaw() {
    assertThat(roundTrip("\"\\ud83d\\ude00👍🏽\"")).isEqualTo("\"😀👍🏽\"");
  }

  @Test
  void loneSurrogatesAreEscapedInLowerCase() {
    assertThat(roundTrip("[\"\\uD83D\",\"x\\uDE00y\",\"\\uDE00\\uD83D\"]"))
        .isEqualTo("[\"\\ud83d\",\"x\\ude00y\",\"\\ude00\\ud83d\"]");
  }

  @Test
  void keyOrderIsKeptExceptArrayIndexKeysComeFirstAscending() {
    String json = "{\"b\":1,\"10\":2,\"a\":3,\"2\":4,\"01\":5,\"-1\":6,\"4294967294\":7,\"4294967295\":8,\"0\":9,\"1.5\":10}";

    assertThat(roundTrip(json)).isEqualTo(
        "{\"0\":9,\"2\":4,\"10\":2,\"4294967294\":7,\"b\":1,\"a\":3,\"01\":5,\"-1\":6,\"4294967295\":8,\"1.5\":10}");
  }

  @Test
  void nestedObjectsKeepTheirOwnOrder() {
    assertThat(roundTrip("{\"z\":{\"y\":1,\"x\":[{\"b\":true,\"a\":null}]},\"a\":[]}"))
        .isEqualTo("{\"z\":{\"y\":1,\"x\":[{\"b\":true,\"a\":null}]},\"a\":[]}");
  }

  @Test
  void duplicateKeysKeepTheFirstPositionAndTheLastValue() {
    assertThat(roundTrip("{\"a\":1,\"b\":2,\"a\":3}")).isEqualTo("{\"a\":3,\"b\":2}");
  }

  @Test
  void unicodeKeysAndWhitespaceAreNormalised() {
    assertThat(roundTrip("{ \"ключ\" : \"значение\" ,\n \"🔑\" : [ 1 , 2 ] }"))
        .isEqualTo("{\"ключ\":\"значение\",\"🔑\":[1,2]}");
  }

  @Test
  void missingMembersAreLeftOutAndMissingElementsAreNull() {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    object.set("gone", JsonNodeFactory.instance.missingNode());
    object.put("kept", 1);
    ArrayNode array = object.putArray("list");
    array.add(JsonNodeFactory.instance.missingNode());

    assertThat(JsJson.stringify(object)).isEqualTo("{\"kept\":1,\"list\":[null]}");
  }

  @Test
  void bigNumbersAreKeptExactlyByTheParser() {
    JsonNode node = JsJson.parse("{\"i\":12345678901234567890,\"d\":1.50}");

    assertThat(node.get("i").bigIntegerValue()).isEqualTo(new BigInteger("12345678901234567890"));
    assertThat(node.get("d").decimalValue()).isEqualTo(new BigDecimal("1.50"));
  }

  @Test
  void nestingUpToTheLimitIsAccepted() {
    String json = "[".repeat(JsJson.MAX_DEPTH) + "]".repeat(JsJson.MAX_DEPTH);

    assertThat(roundTrip(json)).isEqualTo(json);
  }

  @Test
  void nestingBeyondTheLimitIsATypedError() {
    String json = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);

    assertThatThrownBy(() -> JsJson.parse(json))
        .isInstanceOfSatisfying(InvalidJsonException.class,
            e -> assertThat(e.reason()).isEqualTo(InvalidJsonException.Reason.TOO_DEEP));
    assertThatThrownBy(() -> JsJson.parse("[".repeat(JsJson.MAX_DEPTH + 1) + "]".repeat(JsJson.MAX_DEPTH + 1)))
        .isInstanceOf(InvalidJsonException.class);
  }

  @Test
  void stringifyRefusesATreeDeeperThanTheLimit() {
    ArrayNode root = JsonNodeFactory.instance.arrayNode();
    ArrayNode current = root;
    for (int i = 0; i < JsJson.MAX_DEPTH + 10; i++) {
      current = current.addArray();
    }

    assertThatThrownBy(() -> JsJson.stringify(root)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"{} x", "{}{}", "[1] 2", "''", "' '", "{'a':1}", "[1,]", "{\"a\":1,}",
      "01", "+1", ".5", "NaN", "[Infinity]", "\"unterminated", "{\"a\" 1}", "/* c */ 1", "\"tab\there\""})
  void malformedTextIsASyntaxError(String json) {
    assertThatThrownBy(() -> JsJson.parse(json))
        .isInstanceOfSatisfying(InvalidJsonException.class,
            e -> assertThat(e.reason()).isEqualTo(InvalidJsonException.Reason.SYNTAX));
  }

  @Test
  void overlongNumberIsATypedError() {
    assertThatThrownBy(() -> JsJson.parse("1" + "0".repeat(5000)))
        .isInstanceOfSatisfying(InvalidJsonException.class,
            e -> assertThat(e.reason()).isEqualTo(InvalidJsonException.Reason.TOO_LARGE));
  }

  @Test
  void hugeExponentsBecomeInfinityOrZeroAsInJavaScript() {
    assertThat(roundTrip("[1e999999999,1e-999999999]")).isEqualTo("[null,0]");
    assertThat(roundTrip("[1e9999999999,-1e9999999999,1e-9999999999,1.50]")).isEqualTo("[null,null,0,1.5]");
  }

  @Test
  void scalarsAtTheTopLevelAreValues() {
    assertThat(roundTrip("null")).isEqualTo("null");
    assertThat(roundTrip(" true ")).isEqualTo("true");
    assertThat(roundTrip("\"s\"")).isEqualTo("\"s\"");
  }

  @Test
  void bytesAreDecodedAsUtf8() {
    assertThat(JsJson.stringify(JsJson.parse("{\"é\":\"😀\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
        .isEqualTo("{\"é\":\"😀\"}");
  }

  @Test
  void falsyValuesAreThoseOfJavaScript() {
    for (String falsy : new String[] {"null", "false", "0", "-0", "0.0", "\"\"", "1e-400"}) {
      assertThat(JsJson.isFalsy(JsJson.parse(falsy))).as(falsy).isTrue();
    }
    for (String truthy : new String[] {"true", "1", "-1", "\"0\"", "\" \"", "{}", "[]"}) {
      assertThat(JsJson.isFalsy(JsJson.parse(truthy))).as(truthy).isFalse();
    }
    assertThat(JsJson.isFalsy(null)).isTrue();
    assertThat(JsJson.isFalsy(JsonNodeFactory.instance.numberNode(Double.NaN))).isTrue();
  }

  @Test
  void newMapperReturnsIndependentMappersThatParseLikeParse() throws Exception {
    ObjectMapper first = JsJson.newMapper();
    ObjectMapper second = JsJson.newMapper();

    assertThat(first).isNotSameAs(second);
    assertThat(first.readTree("{\"d\":1.50}").get("d").decimalValue()).isEqualTo(new BigDecimal("1.50"));
    assertThatThrownBy(() -> first.readTree("{} x")).isInstanceOf(Exception.class);
  }
}
