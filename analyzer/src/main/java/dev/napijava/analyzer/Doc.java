package dev.napijava.analyzer;

import java.util.LinkedHashMap;
import java.util.Map;

/** Javadoc of one declaration, from the sources: main text and the tags the typings use. */
public final class Doc {
    public String text = "";
    /** Parameter name to description, in declaration order. */
    public final Map<String, String> params = new LinkedHashMap<>();
    public String returns;
    public String deprecated;
}
