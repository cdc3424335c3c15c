package dev.admp.store.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * One SQL statement written with named parameters ({@code :name}), translated once to JDBC's
 * positional {@code ?}. A name may appear several times. {@code ::} (a PostgreSQL cast) and
 * quoted literals are left alone.
 *
 * @param operation a short name for errors and logs, never the statement's values
 * @param jdbc the statement with {@code ?} placeholders
 * @param names the parameter name of each placeholder, in order
 */
record Sql(String operation, String jdbc, List<String> names) {
  Sql {
    names = List.copyOf(names);
  }

  static Sql of(String operation, String named) {
    var jdbc = new StringBuilder(named.length());
    var names = new ArrayList<String>();
    boolean quoted = false;
    for (int i = 0; i < named.length(); i++) {
      char c = named.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
        jdbc.append(c);
      } else if (!quoted && c == ':' && i + 1 < named.length() && named.charAt(i + 1) == ':') {
        jdbc.append("::");
        i++;
      } else if (!quoted && c == ':' && i + 1 < named.length() && Character.isJavaIdentifierStart(named.charAt(i + 1))) {
        int end = i + 1;
        while (end < named.length() && Character.isJavaIdentifierPart(named.charAt(end))) {
          end++;
        }
        names.add(named.substring(i + 1, end));
        jdbc.append('?');
        i = end - 1;
      } else {
        jdbc.append(c);
      }
    }
    return new Sql(operation, jdbc.toString(), names);
  }
}
