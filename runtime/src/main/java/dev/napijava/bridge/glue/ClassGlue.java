package dev.napijava.bridge.glue;

/**
 * A generated adapter for one Java class (written by {@code napi-java generate}, compiled into
 * {@code <jar>.napi.jar}). It names the class's public members exactly, in projection order, as
 * the generator found them by running the bridge's own projection rules, so that projecting the
 * class at run time needs no {@code getMethods()} scan and no sorting: each member is one exact
 * {@code getDeclaredMethod}/{@code getDeclaredField} look-up. The bridge still applies its rules
 * (grouping, selectors, name clashes) to the list, so glue and reflection cannot disagree.
 */
public interface ClassGlue {
    /**
     * The members of the class this adapter was generated for.
     *
     * @throws ReflectiveOperationException when a member named at generation time is missing (the
     *         jar changed): the bridge then falls back to reflection
     */
    Members members() throws ReflectiveOperationException;
}
