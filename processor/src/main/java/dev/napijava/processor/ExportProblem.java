package dev.napijava.processor;

/**
 * The processor's diagnostics, each with a stable code (as node-api-dotnet's NAPI1001...): the reason
 * and the fix. Errors fail the compilation; warnings do not. README "Write a Node.js module in Java"
 * lists them.
 */
enum ExportProblem {
    NOT_PUBLIC("NAPIJ1001", true, "%s is not public: JS cannot reach it. Make it public, or remove @JSExport."),
    HIDDEN_TYPE("NAPIJ1002", true,
            "%s uses %s, which is not public: JS could not be given or pass such a value. Make %s public,"
                    + " or do not export this member."),
    NAME_CLASH("NAPIJ1003", true,
            "the JS name '%s' is taken twice, by %s and by %s. Give one of them another name with"
                    + " @JSExport(\"...\")."),
    GENERIC("NAPIJ1004", true,
            "%s has type parameters (%s): exported signatures must name concrete types (the bridge"
                    + " erases generics). Use a concrete type or Object, or export a non-generic subclass."),
    BAD_NAME("NAPIJ1005", true, "'%s' (on %s) is not a usable JS name: %s. Choose another with @JSExport(\"...\")."),
    MISPLACED("NAPIJ1006", true, "@JSExport on %s has no effect: %s."),
    NOT_EXPORTED_TYPE("NAPIJ2001", false,
            "%s uses %s, which is not exported: it crosses as an opaque Java object (typed JavaObject)."
                    + " Add @JSExport to it for typings and an exact API.");

    final String code;
    final boolean error;
    private final String format;

    ExportProblem(String code, boolean error, String format) {
        this.code = code;
        this.error = error;
        this.format = format;
    }

    String message(Object... args) {
        return code + ": " + String.format(format, args);
    }
}
