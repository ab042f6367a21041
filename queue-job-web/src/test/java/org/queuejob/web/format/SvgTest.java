package org.queuejob.web.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SvgTest {

    @Test
    void markupInTexts_isEscaped_controlCharactersDropped() {
        assertThat(Svg.escape("<script>alert('x')</script> & \"q\"\u0001"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    }

    @Test
    void longLabels_areCutWithAnEllipsis() {
        assertThat(Svg.abbreviate("abcdefghij", 5)).isEqualTo("abcd…");
        assertThat(Svg.abbreviate("abc", 5)).isEqualTo("abc");
    }
}
