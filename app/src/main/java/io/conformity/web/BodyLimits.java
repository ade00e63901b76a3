package io.conformity.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.springframework.core.env.PropertyResolver;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Bounds every request body before it is read: the filter hands the application a body that cannot yield more
 * than the limit, and the interceptor raises the limit for a handler marked {@link BodyLimit}. The limit is
 * looked up when the body is first opened, which is after authorization, so a caller without the right learns
 * nothing and costs nothing.
 */
final class BodyLimits {

    static final String LIMIT_ATTRIBUTE = BodyLimits.class.getName() + ".limit";

    private BodyLimits() {}

    /** Thrown when a body is larger than its limit; an {@link IOException} so readers pass it up unchanged. */
    static final class BodyTooLargeException extends IOException {

        private final long limit;

        BodyTooLargeException(long limit) {
            super("The request body exceeds the limit of " + limit + " bytes.");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    static final class Filter extends OncePerRequestFilter {

        private final long defaultLimit;

        Filter(DataSize defaultLimit) {
            this.defaultLimit = defaultLimit.toBytes();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(new LimitedRequest(request, defaultLimit), response);
        }
    }

    static final class Interceptor implements HandlerInterceptor {

        private final PropertyResolver properties;

        Interceptor(PropertyResolver properties) {
            this.properties = properties;
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(BodyLimit.class)) {
                BodyLimit limit = method.getMethodAnnotation(BodyLimit.class);
                request.setAttribute(
                        LIMIT_ATTRIBUTE,
                        DataSize.parse(properties.resolveRequiredPlaceholders(limit.value()))
                                .toBytes());
            }
            return true;
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long defaultLimit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long defaultLimit) {
            super(request);
            this.defaultLimit = defaultLimit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                long limit = getAttribute(LIMIT_ATTRIBUTE) instanceof Long l ? l : defaultLimit;
                // A declared length over the limit is refused before a byte is read.
                if (getContentLengthLong() > limit) {
                    throw new BodyTooLargeException(limit);
                }
                stream = new LimitedInputStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long count;

        LimitedInputStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
