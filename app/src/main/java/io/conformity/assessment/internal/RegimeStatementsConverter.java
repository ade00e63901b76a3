package io.conformity.assessment.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.conformity.assessment.RegimeStatement;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** The regimes' statements as recorded at opening, kept as JSON in one column: read and written whole, never queried. */
@Converter
class RegimeStatementsConverter implements AttributeConverter<Map<String, RegimeStatement>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, RegimeStatement>> TYPE = new TypeReference<>() {};

    @Override
    public String convertToDatabaseColumn(Map<String, RegimeStatement> statements) {
        if (statements == null || statements.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(statements);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Regime statements cannot be written as JSON", e);
        }
    }

    @Override
    public Map<String, RegimeStatement> convertToEntityAttribute(String column) {
        if (column == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(column, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Regime statements recorded on an assessment are not readable", e);
        }
    }
}
