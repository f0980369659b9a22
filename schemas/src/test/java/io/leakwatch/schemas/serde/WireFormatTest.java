package io.leakwatch.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @Test
    void shouldPutMagicByteAndBigEndianIdBeforeTheBody() {
        final byte[] encoded = WireFormat.encode(0x01020304, new byte[] {42, 43});

        assertThat(encoded).containsExactly(0, 1, 2, 3, 4, 42, 43);
        assertThat(WireFormat.schemaId(encoded)).isEqualTo(0x01020304);
        assertThat(WireFormat.body(encoded)).containsExactly(42, 43);
    }

    @Test
    void shouldRejectEmptyRecord() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[0]))
            .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.reason()).isEqualTo("empty-record"));
    }

    @Test
    void shouldRejectRecordShorterThanHeader() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {0, 0, 0, 1}))
            .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.reason()).isEqualTo("too-short"))
            .hasMessageContaining("4 bytes");
    }

    @Test
    void shouldNameTheOffendingByteWhenMagicByteIsWrong() {
        final byte[] json = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> WireFormat.schemaId(json))
            .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.reason()).isEqualTo("bad-magic-byte"))
            .hasMessageContaining("0x7b");
    }
}
