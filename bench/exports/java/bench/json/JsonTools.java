package bench.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.napijava.JSExport;
import java.io.IOException;

/** A module on a real library (Jackson): its load row counts Jackson's classes, which the start-up cache holds for it. */
public final class JsonTools {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonTools() {
    }

    /** Re-indents a JSON text. */
    @JSExport
    public static String pretty(String json) throws IOException {
        return MAPPER.writeValueAsString(MAPPER.readTree(json));
    }
}
