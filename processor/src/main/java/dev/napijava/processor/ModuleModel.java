package dev.napijava.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/** What one compilation exports to JS: found by {@link ExportScanner}, written by {@link ModuleWriter}. */
final class ModuleModel {
    enum Kind {
        /** By reference: a JS class over the Java class (constructors, methods, fields, properties). */
        CLASS,
        /** By value: a plain JS object both ways. */
        RECORD,
        /** A frozen object of its constants. */
        ENUM,
        /** A type JS objects or functions may implement; nothing at run time. */
        INTERFACE
    }

    /** An exported type. */
    static final class Type {
        final TypeElement element;
        final String jsName;
        final Kind kind;
        final List<ExecutableElement> constructors = new ArrayList<>();
        final List<Method> methods = new ArrayList<>();
        final List<Field> fields = new ArrayList<>();
        final List<Property> properties = new ArrayList<>();
        final List<String> constants = new ArrayList<>();

        Type(TypeElement element, String jsName, Kind kind) {
            this.element = element;
            this.jsName = jsName;
            this.kind = kind;
        }
    }

    /** An exported method: of a type, or a module-level function (a static method of its holder). */
    record Method(ExecutableElement element, String jsName, boolean isStatic) {
    }

    record Field(VariableElement element, String jsName, boolean isStatic, boolean isFinal) {
    }

    /** A JavaBeans property exported as a JS accessor; setter may be null (read-only). */
    record Property(String jsName, ExecutableElement getter, ExecutableElement setter) {
    }

    /** Module-level functions of one holder class (not exported itself). */
    static final class Functions {
        final TypeElement holder;
        final List<Method> functions = new ArrayList<>();

        Functions(TypeElement holder) {
            this.holder = holder;
        }
    }

    final List<Type> types = new ArrayList<>();
    final List<Functions> functions = new ArrayList<>();

    Type type(TypeElement element) {
        for (Type t : types) {
            if (t.element.equals(element)) {
                return t;
            }
        }
        return null;
    }

    boolean isEmpty() {
        return types.isEmpty() && functions.isEmpty();
    }
}
