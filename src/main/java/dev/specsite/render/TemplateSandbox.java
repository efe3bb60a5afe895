package dev.specsite.render;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.BeansWrapper;
import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.ObjectWrapper;

/**
 * What a theme's template may reach, the same for a repository's theme and the embedded one: no
 * {@code ?new} of any class (so no {@code Execute}, {@code ObjectConstructor}, {@code JythonRuntime}),
 * no {@code ?api}, and of Java objects only the public instance methods that specsite's own records
 * and enums declare (their accessors, such as {@code spec.title} or {@code d.severity().label()}).
 * Strings, numbers, booleans, lists and maps are FreeMarker's plain values; nothing that
 * {@code java.*} or a library declares is callable ({@code getClass}, {@code Enum.getDeclaringClass},
 * class loaders), no constructor, no field, no static method.
 */
final class TemplateSandbox {

    private static final String OURS = "dev.specsite.";

    private static final ClassMemberAccessPolicy NOTHING = new ClassMemberAccessPolicy() {
        @Override
        public boolean isMethodExposed(Method method) {
            return false;
        }

        @Override
        public boolean isConstructorExposed(Constructor<?> constructor) {
            return false;
        }

        @Override
        public boolean isFieldExposed(Field field) {
            return false;
        }
    };

    private static final ClassMemberAccessPolicy VIEW_METHODS = new ClassMemberAccessPolicy() {
        @Override
        public boolean isMethodExposed(Method m) {
            int mod = m.getModifiers();
            return Modifier.isPublic(mod) && !Modifier.isStatic(mod) && isView(m.getDeclaringClass());
        }

        @Override
        public boolean isConstructorExposed(Constructor<?> constructor) {
            return false;
        }

        @Override
        public boolean isFieldExposed(Field field) {
            return false;
        }
    };

    /** Exposes the members of specsite's records and enums only. */
    static final MemberAccessPolicy POLICY = new MemberAccessPolicy() {
        @Override
        public ClassMemberAccessPolicy forClass(Class<?> c) {
            return isView(c) ? VIEW_METHODS : NOTHING;
        }

        @Override
        public boolean isToStringAlwaysExposed() {
            // ${x} of a record prints its components, which the template can read one by one anyway
            return true;
        }
    };

    private TemplateSandbox() {
    }

    /** A view type: a record or enum of specsite's own packages. */
    static boolean isView(Class<?> c) {
        return (c.isRecord() || c.isEnum()) && c.getName().startsWith(OURS);
    }

    /** Applies the sandbox to a configuration. */
    static void apply(Configuration c) {
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setAPIBuiltinEnabled(false);
        c.setObjectWrapper(wrapper());
    }

    private static ObjectWrapper wrapper() {
        DefaultObjectWrapperBuilder b = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        b.setMemberAccessPolicy(POLICY);
        b.setExposureLevel(BeansWrapper.EXPOSE_SAFE);
        b.setExposeFields(false);
        return b.build();
    }
}
