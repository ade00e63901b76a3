package io.conformity.web;

import org.springframework.web.multipart.MultipartException;

import io.conformity.problem.ProblemType;

/**
 * What is wrong with a multipart body, in words a client can act on. Tomcat reports each fault as its own
 * exception class, which Spring wraps and, for some, mislabels as a size problem (a part header over its limit
 * says "size" and "exceed"): only a file or request over the upload limit is a 413.
 */
record MultipartFault(ProblemType type, String detail) {

    static MultipartFault of(MultipartException ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            String message = String.valueOf(t.getMessage());
            switch (name) {
                case "FileSizeLimitExceededException", "SizeLimitExceededException":
                    return new MultipartFault(
                            ProblemType.PAYLOAD_TOO_LARGE,
                            "The upload exceeds the configured limit; nothing was stored.");
                case "FileCountLimitExceededException":
                    return malformed("The request has more parts than allowed: send one part named 'file'.");
                case "InvalidFileNameException":
                    return malformed("The file name contains a NUL character.");
                case "InvalidContentTypeException":
                    return malformed("The request is not multipart/form-data with a boundary.");
                case "MalformedStreamException":
                    return malformed("The multipart body is truncated or malformed (" + message
                            + "): the closing boundary is missing or a part is cut short.");
                default:
                    break;
            }
            if (message.contains("no multipart boundary")) {
                return malformed("The Content-Type multipart/form-data names no boundary.");
            }
            if (message.contains("Header section has more than")) {
                return malformed("A part's headers are too long (is the file name over 255 characters?).");
            }
        }
        return malformed("The multipart body cannot be read.");
    }

    private static MultipartFault malformed(String detail) {
        return new MultipartFault(ProblemType.MALFORMED_MULTIPART, detail);
    }
}
