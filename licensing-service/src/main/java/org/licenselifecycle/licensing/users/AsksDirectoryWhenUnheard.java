package org.licenselifecycle.licensing.users;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a method that names a user by a Graph {@code users/{id}} segment and throws {@link UserNotHeardOf} when the
 * read model has no such user: licensing then asks directory-service about the user ({@link UnheardUsers}) and, when
 * directory knows them (or the read model has heard of the id meanwhile), runs the method again, once. Outside any
 * transaction only (the method's own transaction rolled back with the 404); a call inside a caller's transaction
 * keeps the 404.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AsksDirectoryWhenUnheard {
}
