package dev.napijava;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exports a Java type or member to JavaScript when the library is built into a Node.js module (README
 * "Write a Node.js module in Java"). The annotation processor {@code dev.napijava.processor.JSExportProcessor}
 * (artifact {@code napi-java-processor}) reads it at compile time and writes the glue, the typings and the
 * JS entry; {@code napi-java pack} makes the npm package. Nothing reads it at run time.
 *
 * <ul>
 *   <li>On a public class, record, enum or interface: the type is exported, with all its public members
 *       (constructors, methods, fields) unless some members carry {@code @JSExport} themselves, in which
 *       case only those are.
 *   <li>On a public static method of a class that is not exported: a module-level function.
 *   <li>On a member of an exported class: selects it, and {@link #value()} renames it.
 * </ul>
 * Records cross by value (a plain JS object both ways), classes by reference, enums as frozen objects of
 * their constants, {@code CompletableFuture} as a Promise both ways, interfaces may be implemented by JS
 * objects or functions.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface JSExport {
    /** The JS name; the Java name when empty. */
    String value() default "";

    /**
     * On a class: its JavaBeans accessors ({@code getName()}/{@code isOpen()} with {@code setName(v)}) are
     * exported as JS properties ({@code obj.name}) instead of methods. For every exported class of a module:
     * the processor option {@code -Anapijava.beanProperties=true}.
     */
    boolean beanProperties() default false;
}
