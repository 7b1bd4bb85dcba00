package dev.napijava.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The native core checks every Node-API status (README "Reliability"): a call is wrapped in
 * NAPI_OK (a JS exception on failure), handed to js_failed (a Java exception on failure), or
 * compared with napi_ok. The few calls whose failure has nothing left to report (clean-up, and
 * the error paths themselves) are listed here by name, so a new unchecked call fails this test.
 */
class NativeChecksTest {
    private static final Path SOURCES = Path.of("..", "native", "src");
    private static final Pattern CALL = Pattern.compile("\\bnapi_[a-z0-9_]+(?=\\()");
    /** Calls whose status has no one to go to: releasing, and reporting failures themselves. */
    private static final Set<String> UNCHECKED_BY_DESIGN = Set.of(
            "napi_close_handle_scope", "napi_delete_reference", "napi_release_threadsafe_function",
            "napi_unref_threadsafe_function", "napi_call_threadsafe_function", "napi_is_exception_pending",
            "napi_get_and_clear_last_exception", "napi_throw_error", "napi_throw_type_error",
            "napi_throw_range_error", "napi_throw", "napi_reject_deferred", "napi_get_last_error_info");
    /** Forms that check the status the call returns (on the same line). */
    private static final Pattern CHECKED = Pattern.compile(
            "NAPI_OK\\(|js_failed\\(|[!=]= napi_ok|status = napi_|napi_status \\w+ = |s = napi_|return napi_"
                    + "|= mode == 2 \\? napi_|: napi_call_function|typed_element|napi_value \\w+\\(|\\? napi_create_string_latin1|: napi_create_string_utf16");

    @Test
    void everyNodeApiStatusIsChecked() throws Exception {
        List<String> unchecked = new ArrayList<>();
        int calls = 0;
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".c")).sorted()::iterator) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).trim();
                    if (line.startsWith("*") || line.startsWith("/*") || line.startsWith("//")) {
                        continue;
                    }
                    // a call continued from the previous line (an argument list or a condition)
                    String context = (i > 0 ? lines.get(i - 1).trim() : "") + " " + line;
                    Matcher m = CALL.matcher(line);
                    while (m.find()) {
                        String name = m.group();
                        calls++;
                        if (!UNCHECKED_BY_DESIGN.contains(name) && !CHECKED.matcher(line).find()
                                && !Pattern.compile("(NAPI_OK\\(|js_failed\\()[^;]*$").matcher(context).find()) {
                            unchecked.add(file.getFileName() + ":" + (i + 1) + ": " + line);
                        }
                    }
                }
            }
        }
        assertTrue(calls > 150, "found only " + calls + " Node-API calls: is " + SOURCES + " the native core?");
        assertEquals(List.of(), unchecked, "Node-API calls whose status is not checked");
    }
}
