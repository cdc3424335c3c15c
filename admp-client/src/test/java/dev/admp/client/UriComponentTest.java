package dev.admp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UriComponentTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "agent://bob | agent%3A%2F%2Fbob",
      "bob | bob",
      "a.b_c-d:e | a.b_c-d%3Ae",
      "AZaz09-_.!~*'() | AZaz09-_.!~*'()",
      "` ` | %20",
      "/?#[]@$&+,;= | %2F%3F%23%5B%5D%40%24%26%2B%2C%3B%3D",
      "%41 | %2541",
      "é | %C3%A9",
      "世 | %E4%B8%96",
      "😀 | %F0%9F%98%80"})
  void encodesAsEncodeUriComponent(String value, String expected) {
    assertThat(UriComponent.encode(value)).isEqualTo(expected);
  }

  @Test
  void encodesQuotesBracketsAndBackquote() {
    assertThat(UriComponent.encode("\"<>\\^`|{}")).isEqualTo("%22%3C%3E%5C%5E%60%7C%7B%7D");
  }

  @Test
  void encodesControlCharactersAndDelete() {
    assertThat(UriComponent.encode("a\nb\u007f\u0000")).isEqualTo("a%0Ab%7F%00");
  }

  @Test
  void emptyStaysEmpty() {
    assertThat(UriComponent.encode("")).isEmpty();
  }

  @Test
  void loneSurrogateIsRefusedAsJavaScriptDoes() {
    assertThatThrownBy(() -> UriComponent.encode("a\uD83Db")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UriComponent.encode("\uDE00")).isInstanceOf(IllegalArgumentException.class);
  }
}
