package io.conformity.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.conformity.validation.TextRules;

/**
 * How JSON input becomes values: every string is brought to Unicode NFC (so that the same text typed on two
 * keyboards is stored, compared and printed alike), and a date is exactly {@code YYYY-MM-DD} with a four-digit
 * year — Jackson's default would also take a number as a day count and signed or five-digit years, and store
 * something other than what was sent.
 */
@Configuration(proxyBeanMethods = false)
class JsonInputConfiguration {

    @Bean
    Module conformityJsonInput() {
        SimpleModule module = new SimpleModule("conformity-json-input");
        module.addDeserializer(String.class, new NfcStringDeserializer());
        module.addDeserializer(LocalDate.class, new IsoDateDeserializer());
        return module;
    }

    static final class NfcStringDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
            return TextRules.normalize(super.deserialize(p, context));
        }
    }

    static final class IsoDateDeserializer extends StdScalarDeserializer<LocalDate> {

        private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        IsoDateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText();
            if (ISO_DATE.matcher(text).matches()) {
                try {
                    LocalDate date = LocalDate.parse(text);
                    if (date.getYear() > 0) {
                        return date;
                    }
                } catch (DateTimeParseException e) {
                    // falls through to the same answer as any other malformed date
                }
            }
            return (LocalDate)
                    context.handleWeirdStringValue(LocalDate.class, text, "not a date of the form YYYY-MM-DD");
        }
    }
}
