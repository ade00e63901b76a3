/**
 * The problem types shared by every module (RFC 9457). Kept to the catalogue and exception bases only, so it cannot
 * grow into a grab-bag.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.conformity.problem;

import org.springframework.modulith.ApplicationModule;
