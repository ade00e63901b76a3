package io.conformity.identity.internal;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Checks a controller's {@link PreAuthorize} role rule before Spring MVC binds the request body: method security
 * proper runs only once the arguments exist, so a caller without the role could otherwise make the server read
 * and parse a body it was never going to accept. Method security still runs afterwards; this only moves the
 * refusal earlier. Rules that name method arguments cannot be decided here and are left to method security.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizeBeforeReading implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Interceptor());
    }

    static final class Interceptor implements HandlerInterceptor {

        private final PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (handler instanceof HandlerMethod method
                    && method.hasMethodAnnotation(PreAuthorize.class)
                    && !method.getMethodAnnotation(PreAuthorize.class).value().contains("#")) {
                AuthorizationResult result = manager.authorize(
                        () -> SecurityContextHolder.getContext().getAuthentication(), new Unbound(method));
                if (result != null && !result.isGranted()) {
                    throw new AccessDeniedException("Access denied");
                }
            }
            return true;
        }
    }

    /** The handler method about to be called, before its arguments exist. */
    private record Unbound(HandlerMethod handler) implements MethodInvocation {

        @Override
        public Method getMethod() {
            return handler.getMethod();
        }

        @Override
        public Object[] getArguments() {
            return new Object[handler.getMethodParameters().length];
        }

        @Override
        public Object proceed() {
            throw new IllegalStateException("Only evaluated for authorization");
        }

        @Override
        public Object getThis() {
            return handler.getBean();
        }

        @Override
        public AccessibleObject getStaticPart() {
            return handler.getMethod();
        }
    }
}
