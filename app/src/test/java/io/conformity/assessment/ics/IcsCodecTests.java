package io.conformity.assessment.ics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IcsCodecTests {

    private static final String FRAMEWORK = "ETSI EN 303 645";
    private static final String VERSION = "V3.1.3";
    private static final String HEADER = "provision,status,support,detail\n";

    private static final IcsStatement TRICKY = new IcsStatement(
            FRAMEWORK,
            VERSION,
            List.of(
                    new IcsRow("5.0-1", "M", Support.Y, "Justifications are in this very table"),
                    new IcsRow(
                            "5.1-1", "M F (a)", Support.Y, "Unique per device, printed on the label, e.g. \"Xk3,9q\""),
                    new IcsRow(
                            "5.1-5", "M C F (14, e)", Support.N, "Line one,\nline two with \"quotes\"\r\nline three"),
                    new IcsRow("5.2-2", "R", Support.N, "  leading and trailing spaces kept  "),
                    new IcsRow(
                            "5.3-14",
                            "R C (3)",
                            Support.NA,
                            "Ger\u00e4t ist aktualisierbar \u2014 \u66f4\u65b0\u53ef\u80fd \ud83d\udd12"),
                    new IcsRow("5.3-6A", "R F (h)", Support.Y, ""),
                    new IcsRow("6-7", "R F (aa)", Support.NA, "\"\"\"")));

    // Each would start a formula in a spreadsheet (OWASP's CSV-injection list), or starts with an apostrophe that
    // must not be mistaken for one the export added, or is ordinary text with a formula character further in.
    private static final IcsStatement FORMULAS = new IcsStatement(
            FRAMEWORK,
            VERSION,
            List.of(
                    new IcsRow("5.1-1", "M", Support.Y, "=HYPERLINK(\"http://x\",\"y\")"),
                    new IcsRow("5.1-2", "M", Support.Y, "+1"),
                    new IcsRow("5.1-3", "M", Support.Y, "-1"),
                    new IcsRow("5.1-4", "M", Support.Y, "@SUM(A1)"),
                    new IcsRow("5.1-5", "M", Support.Y, "\tcmd"),
                    new IcsRow("5.1-6", "M", Support.Y, "\rcmd"),
                    new IcsRow("5.2-1", "M", Support.Y, "'=already"),
                    new IcsRow("5.2-2", "R", Support.Y, "'plain"),
                    new IcsRow("5.2-3", "R", Support.Y, "''-twice"),
                    new IcsRow("5.2-4", "R", Support.Y, "'"),
                    new IcsRow("5.2-5", "R", Support.Y, "1+1=2, not a formula")));

    private static final String FORMULAS_CSV = "provision,status,support,detail\r\n"
            + "5.1-1,M,Y,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n"
            + "5.1-2,M,Y,\"'+1\"\r\n"
            + "5.1-3,M,Y,\"'-1\"\r\n"
            + "5.1-4,M,Y,\"'@SUM(A1)\"\r\n"
            + "5.1-5,M,Y,\"'\tcmd\"\r\n"
            + "5.1-6,M,Y,\"'\rcmd\"\r\n"
            + "5.2-1,M,Y,\"''=already\"\r\n"
            + "5.2-2,R,Y,'plain\r\n"
            + "5.2-3,R,Y,\"'''-twice\"\r\n"
            + "5.2-4,R,Y,'\r\n"
            + "5.2-5,R,Y,\"1+1=2, not a formula\"\r\n";

    @Test
    void csvRoundTripKeepsCommasQuotesNewlinesAndNonAsciiText() {
        String csv = IcsCodec.toCsv(TRICKY);

        assertThat(IcsCodec.fromCsv(csv, FRAMEWORK, VERSION)).isEqualTo(TRICKY);
    }

    @Test
    void jsonRoundTripKeepsCommasQuotesNewlinesAndNonAsciiText() {
        String json = IcsCodec.toJson(TRICKY);

        assertThat(IcsCodec.fromJson(json)).isEqualTo(TRICKY);
    }

    @Test
    void csvIsWrittenPerRfc4180WithNaSpeltAsInTheStandard() {
        IcsStatement statement = new IcsStatement(
                FRAMEWORK,
                VERSION,
                List.of(
                        new IcsRow("5.3-14", "R C (3)", Support.NA, "updatable, see \"IXIT 7\""),
                        new IcsRow("5.2-1", "M", Support.Y, "")));

        assertThat(IcsCodec.toCsv(statement))
                .isEqualTo("provision,status,support,detail\r\n"
                        + "5.3-14,R C (3),N/A,\"updatable, see \"\"IXIT 7\"\"\"\r\n"
                        + "5.2-1,M,Y,\r\n");
    }

    @Test
    void csvPutsAnApostropheInFrontOfEveryCellASpreadsheetWouldRunAsAFormula() {
        assertThat(IcsCodec.toCsv(FORMULAS)).isEqualTo(FORMULAS_CSV);
    }

    @Test
    void csvReadsTheNeutralisedValuesBackExactly() {
        IcsStatement read = IcsCodec.fromCsv(FORMULAS_CSV, FRAMEWORK, VERSION);

        assertThat(read.rows())
                .extracting(IcsRow::detail)
                .containsExactly(
                        "=HYPERLINK(\"http://x\",\"y\")",
                        "+1",
                        "-1",
                        "@SUM(A1)",
                        "\tcmd",
                        "\rcmd",
                        "'=already",
                        "'plain",
                        "''-twice",
                        "'",
                        "1+1=2, not a formula");
        assertThat(read).isEqualTo(FORMULAS);
    }

    @Test
    void csvExportImportExportIsByteForByteTheSame() {
        String csv = IcsCodec.toCsv(FORMULAS);
        String again = IcsCodec.toCsv(IcsCodec.fromCsv(csv, FRAMEWORK, VERSION));

        assertThat(again).isEqualTo(csv).isEqualTo(FORMULAS_CSV);
        String tricky = IcsCodec.toCsv(TRICKY);
        assertThat(IcsCodec.toCsv(IcsCodec.fromCsv(tricky, FRAMEWORK, VERSION))).isEqualTo(tricky);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            =     | "'="
            +     | "'+"
            -     | "'-"
            @     | "'@"
            '=    | "''="
            ''+   | "'''+"
            '''@  | "''''@"
            '     | '
            ''    | ''
            'x    | 'x
            x=1   | x=1
            x'=1  | x'=1
            ' =1  | ' =1
            """)
    void exportsOneApostropheMoreForAFormulaAndImportTakesExactlyThatOneAway(String value, String cell) {
        String csv = "provision,status,support,detail\r\n5.1-1,M,Y," + cell + "\r\n";
        IcsStatement statement =
                new IcsStatement(FRAMEWORK, VERSION, List.of(new IcsRow("5.1-1", "M", Support.Y, value)));

        assertThat(IcsCodec.toCsv(statement)).isEqualTo(csv);
        assertThat(IcsCodec.fromCsv(csv, FRAMEWORK, VERSION)).isEqualTo(statement);
    }

    @Test
    void provisionAndStatusCellsAreNeutralisedAndReadBackToo() {
        // Every cell goes through the same guard; whether such a provision or status is in the catalog is for
        // IcsRules to say, not for the reader.
        IcsStatement statement = new IcsStatement(
                FRAMEWORK,
                VERSION,
                List.of(new IcsRow("-5.1-1", "M", Support.Y, ""), new IcsRow("@5.1-2", "M", Support.Y, "")));

        String csv = IcsCodec.toCsv(statement);

        assertThat(csv).endsWith("\r\n\"'-5.1-1\",M,Y,\r\n\"'@5.1-2\",M,Y,\r\n");
        assertThat(IcsCodec.fromCsv(csv, FRAMEWORK, VERSION)).isEqualTo(statement);
    }

    @Test
    void theLongestDetailStillReadsBackAfterItsApostropheWasAdded() {
        // The cell has 4001 characters with the apostrophe; the limit is on the value, which has 4000.
        IcsStatement statement = new IcsStatement(
                FRAMEWORK, VERSION, List.of(new IcsRow("5.1-1", "M", Support.Y, "=" + "x".repeat(3999))));

        assertThat(IcsCodec.fromCsv(IcsCodec.toCsv(statement), FRAMEWORK, VERSION))
                .isEqualTo(statement);
    }

    @Test
    void ordinaryTextIsWrittenWithoutAnApostrophe() {
        String hebrew = "\u05de\u05d3\u05d9\u05e0\u05d9\u05d5\u05ea \u05e4\u05e8\u05d8\u05d9\u05d5\u05ea";
        IcsStatement statement = new IcsStatement(
                FRAMEWORK,
                VERSION,
                List.of(
                        new IcsRow("5.1-1", "M F (a)", Support.Y, hebrew),
                        new IcsRow(
                                "5.1-5",
                                "M C F (14, e)",
                                Support.N,
                                "\u66f4\u65b0\u53ef\u80fd \ud83d\udd12, \"quoted\"\nnext"),
                        new IcsRow("5.3-14", "R C (3)", Support.NA, "a-b = c + d @ e")));

        assertThat(IcsCodec.toCsv(statement))
                .isEqualTo("provision,status,support,detail\r\n"
                        + "5.1-1,M F (a),Y," + hebrew + "\r\n"
                        + "5.1-5,\"M C F (14, e)\",N,\"\u66f4\u65b0\u53ef\u80fd \ud83d\udd12, \"\"quoted\"\"\nnext\"\r\n"
                        + "5.3-14,R C (3),N/A,a-b = c + d @ e\r\n");
        assertThat(IcsCodec.toCsv(TRICKY)).doesNotContain("'");
    }

    @Test
    void jsonIsWrittenInTheDocumentedShape() {
        IcsStatement statement =
                new IcsStatement(FRAMEWORK, VERSION, List.of(new IcsRow("5.3-14", "R C (3)", Support.NA, "updatable")));

        assertThat(IcsCodec.toJson(statement).replaceAll("\\s", ""))
                .isEqualTo("{\"framework\":\"ETSIEN303645\",\"version\":\"V3.1.3\",\"rows\":[{\"provision\":\"5.3-14\","
                        + "\"status\":\"RC(3)\",\"support\":\"N/A\",\"detail\":\"updatable\"}]}");
    }

    @Test
    void readsAByteOrderMarkAndCrlfLineEnds() {
        String csv = "\uFEFFprovision,status,support,detail\r\n5.2-1,M,Y,Policy at /security\r\n"
                + "5.2-2,R,N,\"Two\r\nlines\"\r\n";

        assertThat(IcsCodec.fromCsv(csv, FRAMEWORK, VERSION).rows())
                .containsExactly(
                        new IcsRow("5.2-1", "M", Support.Y, "Policy at /security"),
                        new IcsRow("5.2-2", "R", Support.N, "Two\r\nlines"));
    }

    @Test
    void readsTheHeaderInAnyOrderAndCase() {
        String csv = "Detail,SUPPORT, Provision ,Status\n\"Not updatable, replaced instead\",n/a,5.3-14,R C (3)";

        assertThat(IcsCodec.fromCsv(csv, FRAMEWORK, VERSION).rows())
                .containsExactly(new IcsRow("5.3-14", "R C (3)", Support.NA, "Not updatable, replaced instead"));
    }

    @ParameterizedTest
    @CsvSource({"Y, Y", "y, Y", "N, N", "n, N", "N/A, NA", "n/a, NA", "NA, NA", "na, NA", "' N/A ', NA"})
    void acceptsTheUsualSpellingsOfSupport(String written, Support expected) {
        IcsStatement statement = IcsCodec.fromCsv(HEADER + "5.3-14,R C (3)," + written + ",why", FRAMEWORK, VERSION);

        assertThat(statement.rows().get(0).support()).isEqualTo(expected);
        assertThat(IcsCodec.toCsv(statement)).contains("," + expected.label() + ",");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "M",
                "R",
                "M C (3)",
                "R C (9, 12)",
                "M F (a)",
                "R F (aa)",
                "M C F (14, e)",
                "R C F (3, 12, a, b)",
                "M C (11, 12)"
            })
    void acceptsEveryFormOfTheStatusNotation(String status) {
        IcsStatement statement = IcsCodec.fromCsv(HEADER + "5.1-5," + quoted(status) + ",Y,", FRAMEWORK, VERSION);

        assertThat(statement.rows().get(0).status()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "X",
                "MR",
                "M C(3)",
                "M C (3,12)",
                "M C  (3)",
                "M C ()",
                "M C (a)",
                "M F (1)",
                "M F (A)",
                "M C F (e, 14)",
                "M C F (14)",
                "M F C (14, e)",
                "m",
                "M C (0)",
                "M (11, 12)"
            })
    void rejectsStatusesOutsideTheNotation(String status) {
        assertThat(problems(HEADER + "5.1-5," + quoted(status) + ",Y,"))
                .containsExactly(new IcsProblem(
                        2,
                        "status",
                        "status '" + status + "' is not in the ICS notation (" + IcsNotation.DESCRIPTION + ")"));
    }

    @Test
    void reportsABlankProvision() {
        assertThat(problems(HEADER + " ,M,Y,")).containsExactly(new IcsProblem(2, "provision", "provision is blank"));
    }

    @Test
    void reportsADuplicateProvisionOnItsSecondRow() {
        assertThat(problems(HEADER + "5.2-1,M,Y,\n5.2-2,R,Y,\n5.2-1,M,Y,"))
                .containsExactly(new IcsProblem(4, "provision", "provision 5.2-1 is already on row 2"));
    }

    @Test
    void reportsAMissingOrInvalidSupport() {
        assertThat(problems(HEADER + "5.2-1,M,,\n5.2-2,R,X,"))
                .containsExactly(
                        new IcsProblem(2, "support", "support is missing"),
                        new IcsProblem(3, "support", "support 'X' is not Y, N or N/A"));
    }

    @Test
    void reportsABlankStatus() {
        assertThat(problems(HEADER + "5.2-1,,Y,")).containsExactly(new IcsProblem(2, "status", "status is blank"));
    }

    @Test
    void acceptsADetailOf4000CharactersCountingEmojiOnceAndRejectsOneMore() {
        String longest = "\ud83d\udd12".repeat(4000);
        assertThat(IcsCodec.fromCsv(HEADER + "5.2-1,M,Y," + longest, FRAMEWORK, VERSION)
                        .rows()
                        .get(0)
                        .detail())
                .isEqualTo(longest);

        assertThat(problems(HEADER + "5.2-1,M,Y," + "x".repeat(4001)))
                .containsExactly(new IcsProblem(2, "detail", "detail has 4001 characters; at most 4000 are allowed"));
    }

    @Test
    void reportsAnUnterminatedQuoteOnTheRowWhereItOpens() {
        // Row 2 spans two lines, so the unterminated quote on row 3 starts on line 4.
        String csv = HEADER + "5.2-1,M,Y,\"first\nsecond\"\n5.2-2,R,N,\"never closed\n5.2-3,R,Y,\n";

        assertThat(problems(csv)).containsExactly(new IcsProblem(3, "detail", CsvReader.UNTERMINATED));
    }

    @Test
    void reportsARowWithTheWrongNumberOfFields() {
        assertThat(problems(HEADER + "5.2-1,M,Y,published, with a comma\n5.2-2,R,N"))
                .containsExactly(
                        new IcsProblem(
                                2,
                                null,
                                "the row has 5 values but the header has 4; "
                                        + "a value containing a comma must be enclosed in quotes"),
                        new IcsProblem(
                                3,
                                null,
                                "the row has 3 values but the header has 4; "
                                        + "a value containing a comma must be enclosed in quotes"));
    }

    @Test
    void reportsQuotesThatBreakRfc4180() {
        assertThat(problems(HEADER + "5.2-1,M,Y,says \"hi\"\n5.2-2,R,Y,\"closed\" early"))
                .containsExactly(
                        new IcsProblem(2, "detail", CsvReader.QUOTE_IN_UNQUOTED),
                        new IcsProblem(3, "detail", CsvReader.TEXT_AFTER_QUOTE));
    }

    @Test
    void reportsMissingUnknownAndDuplicateColumnsInTheHeaderRow() {
        assertThat(problems("provision,Status,notes,status\n5.2-1,M,x,M"))
                .containsExactly(
                        new IcsProblem(1, "notes", "column 'notes' is not one of provision,status,support,detail"),
                        new IcsProblem(1, "status", "column 'status' appears more than once"),
                        new IcsProblem(1, "support", "column 'support' is missing"),
                        new IcsProblem(1, "detail", "column 'detail' is missing"));
    }

    @Test
    void reportsAMissingHeader() {
        assertThat(problems(""))
                .containsExactly(
                        new IcsProblem(1, null, "the header row is missing; expected provision,status,support,detail"));
        assertThat(problems("\uFEFF")).hasSize(1);
    }

    @Test
    void skipsEmptyRowsButKeepsTheSpreadsheetRowNumbers() {
        assertThat(problems(HEADER + "5.2-1,M,Y,\n\n,,,\n5.2-2,R,X,\n\n"))
                .containsExactly(new IcsProblem(5, "support", "support 'X' is not Y, N or N/A"));
    }

    @Test
    void reportsEveryBadRowAtOnce() {
        String csv = HEADER + "5.2-1,M,Y,\n,M,Y,\n5.2-2,R,maybe,\n5.2-3,R,Y,ok\n5.3-13,Mandatory,Y,\n";

        assertThat(problems(csv))
                .containsExactly(
                        new IcsProblem(3, "provision", "provision is blank"),
                        new IcsProblem(4, "support", "support 'maybe' is not Y, N or N/A"),
                        new IcsProblem(
                                6,
                                "status",
                                "status 'Mandatory' is not in the ICS notation (" + IcsNotation.DESCRIPTION + ")"));
    }

    @Test
    void acceptsAThousandRowsAndRejectsTheThousandAndFirst() {
        assertThat(IcsCodec.fromCsv(rows(1000), FRAMEWORK, VERSION).rows()).hasSize(1000);

        assertThat(problems(rows(1001)))
                .containsExactly(new IcsProblem(
                        1002, null, "an ICS has at most 1000 rows; this row and those after it were not checked"));
    }

    @Test
    void rejectsInputLargerThanTwoMegabytesWithoutReadingIt() {
        String exactly = HEADER + "5.2-1,M,Y," + "x".repeat(IcsCodec.MAX_INPUT_BYTES - HEADER.length() - 10);
        assertThat(problems(exactly)).extracting(IcsProblem::column).containsExactly("detail");

        // Two bytes each in UTF-8, so this is over the limit although it has fewer characters than the one above.
        String over = HEADER + "5.2-1,M,Y," + "\u00e9".repeat(IcsCodec.MAX_INPUT_BYTES / 2);
        assertThat(problems(over))
                .containsExactly(new IcsProblem(0, null, "the input is larger than 2 MB (2097152 bytes of UTF-8)"));
        assertThat(jsonProblems("\"" + "x".repeat(IcsCodec.MAX_INPUT_BYTES) + "\""))
                .extracting(IcsProblem::message)
                .containsExactly("the input is larger than 2 MB (2097152 bytes of UTF-8)");
    }

    @Test
    void aHostileHeaderYieldsABoundedListOfProblems() {
        String csv = ",".repeat(ProblemList.LIMIT + 50);

        List<IcsProblem> problems = problems(csv);

        assertThat(problems).hasSize(ProblemList.LIMIT + 1);
        assertThat(problems.get(ProblemList.LIMIT).message()).isEqualTo("55 further problems are not listed");
    }

    @Test
    void theExceptionMessageNamesTheFirstProblems() {
        assertThatThrownBy(() -> IcsCodec.fromCsv(HEADER + "5.2-1,M,X,", FRAMEWORK, VERSION))
                .isInstanceOf(IcsFormatException.class)
                .hasMessage("The ICS has 1 problem: row 2, support: support 'X' is not Y, N or N/A");
    }

    @Test
    void jsonProblemsCarryTheRowPositionAndFieldName() {
        String json = """
                {"framework": "ETSI EN 303 645", "version": "V3.1.3", "rows": [
                  {"provision": "5.2-1", "status": "M", "support": "Y"},
                  {"provision": "5.2-2", "status": "R"},
                  {"provision": 5, "status": "R C(3)", "support": "maybe", "detail": "x", "notes": "y"},
                  "5.3-13",
                  {"provision": "5.2-1", "status": "M", "support": "N", "detail": "%s"}
                ]}""".formatted("d".repeat(4001));

        assertThat(jsonProblems(json))
                .containsExactly(
                        new IcsProblem(2, "support", "support is missing"),
                        new IcsProblem(3, "notes", "field 'notes' is not one of provision, status, support, detail"),
                        new IcsProblem(3, "provision", "provision must be a string"),
                        new IcsProblem(
                                3,
                                "status",
                                "status 'R C(3)' is not in the ICS notation (" + IcsNotation.DESCRIPTION + ")"),
                        new IcsProblem(3, "support", "support 'maybe' is not Y, N or N/A"),
                        new IcsProblem(4, null, "the row must be a JSON object"),
                        new IcsProblem(5, "provision", "provision 5.2-1 is already on row 1"),
                        new IcsProblem(5, "detail", "detail has 4001 characters; at most 4000 are allowed"));
    }

    @Test
    void jsonTopLevelProblemsAreReportedTogether() {
        assertThat(jsonProblems("{\"framework\": \" \", \"version\": 3, \"extra\": true}"))
                .containsExactly(
                        new IcsProblem(0, "extra", "field 'extra' is not one of framework, version, rows"),
                        new IcsProblem(0, "framework", "framework is blank"),
                        new IcsProblem(0, "version", "version must be a string"),
                        new IcsProblem(0, "rows", "rows is missing"));
        assertThat(jsonProblems("{\"framework\": \"F\", \"version\": \"V\", \"rows\": {}}"))
                .containsExactly(new IcsProblem(0, "rows", "rows must be an array"));
        assertThat(jsonProblems("[]"))
                .containsExactly(new IcsProblem(
                        0, null, "the statement must be a JSON object with framework, version and rows"));
    }

    @Test
    void malformedJsonIsOneProblemWithItsPosition() {
        assertThat(jsonProblems("{\"framework\": \"F\",\n \"version\": }"))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.row()).isZero();
                    assertThat(problem.message()).startsWith("not valid JSON at line 2, column ");
                });
        assertThat(jsonProblems("{\"framework\": \"F\", \"framework\": \"G\"}"))
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("Duplicate field 'framework'"));
        assertThat(jsonProblems("{\"framework\": \"F\"} {}"))
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("not valid JSON"));
    }

    @Test
    void jsonAcceptsAThousandRowsAndChecksOnlyThoseOfALongerList() {
        assertThat(IcsCodec.fromJson(jsonRows(1000)).rows()).hasSize(1000);

        assertThat(jsonProblems(jsonRows(1001)))
                .containsExactly(new IcsProblem(
                        0,
                        "rows",
                        "rows has 1001 entries but an ICS has at most 1000; only the first 1000 were checked"));
    }

    private static List<IcsProblem> problems(String csv) {
        return catchThrowableOfType(IcsFormatException.class, () -> IcsCodec.fromCsv(csv, FRAMEWORK, VERSION))
                .problems();
    }

    private static List<IcsProblem> jsonProblems(String json) {
        return catchThrowableOfType(IcsFormatException.class, () -> IcsCodec.fromJson(json))
                .problems();
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }

    private static String rows(int count) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= count; i++) {
            csv.append("9.").append(i).append(",R,Y,\n");
        }
        return csv.toString();
    }

    private static String jsonRows(int count) {
        List<IcsRow> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            rows.add(new IcsRow("9." + i, "R", Support.Y, ""));
        }
        return IcsCodec.toJson(new IcsStatement(FRAMEWORK, VERSION, rows));
    }
}
