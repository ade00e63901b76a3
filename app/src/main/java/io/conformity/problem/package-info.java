/**
 * The problem types shared by every module (RFC 9457). Kept to exception bases only, so it cannot grow into a
 * grab-bag.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.conformity.problem;
