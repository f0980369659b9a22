package io.leakwatch.simulator;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Scenario JSON to records, with errors that name the field (e.g. {@code leaks[0].foo}). */
final class ScenarioJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .addModule(new SimpleModule("offset-date-time").addDeserializer(OffsetDateTime.class, new IsoOffsetDeserializer()))
            .build();

    private ScenarioJson() {
    }

    static Scenario parse(final Path file) throws IOException {
        try {
            return MAPPER.readValue(file.toFile(), Scenario.class);
        } catch (final UnrecognizedPropertyException e) {
            throw new InvalidScenarioException(file + ": " + path(e) + " is not a known field; known fields here: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")), e);
        } catch (final InvalidFormatException e) {
            throw new InvalidScenarioException(file + ": " + path(e) + " has an invalid value '" + e.getValue()
                    + "': " + reason(e), e);
        } catch (final JsonMappingException e) {
            throw new InvalidScenarioException(file + ": " + path(e) + ": " + reason(e), e);
        } catch (final JsonParseException e) {
            throw new InvalidScenarioException(file + " is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        }
    }

    /** The JSON path of the failing value, e.g. {@code leaks[0].victimRate}. */
    private static String path(final JsonMappingException e) {
        final StringBuilder out = new StringBuilder();
        for (final JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            }
        }
        return out.isEmpty() ? "(root)" : out.toString();
    }

    private static String reason(final JsonMappingException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause != e && cause.getMessage() != null) {
            return cause.getMessage();
        }
        final Class<?> target = e instanceof InvalidFormatException f ? f.getTargetType() : null;
        if (target != null && target.isEnum()) {
            return "expected one of " + Arrays.toString(target.getEnumConstants());
        }
        return e.getOriginalMessage();
    }

    /** ISO-8601 with offset, e.g. {@code 2026-11-01T00:00:00+08:00}; no jsr310 module needed for one type. */
    private static final class IsoOffsetDeserializer extends StdScalarDeserializer<OffsetDateTime> {

        private static final long serialVersionUID = 1L;

        IsoOffsetDeserializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(final JsonParser p, final DeserializationContext ctxt) throws IOException {
            final String text = p.getValueAsString();
            try {
                return OffsetDateTime.parse(text);
            } catch (final DateTimeParseException | NullPointerException e) {
                return (OffsetDateTime) ctxt.handleWeirdStringValue(OffsetDateTime.class, text,
                        "expected ISO-8601 with offset, e.g. 2026-11-01T00:00:00+08:00");
            }
        }
    }
}
