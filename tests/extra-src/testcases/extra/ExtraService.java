package testcases.extra;

import testcases.values.ValueCases;

/** A ServiceLoader provider that only jvm.load() makes visible (META-INF/services in extra.jar). */
public final class ExtraService implements ValueCases.Service {
    @Override
    public String name() {
        return "extra service";
    }
}
