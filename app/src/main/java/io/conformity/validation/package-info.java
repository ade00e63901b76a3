/**
 * Constraints that every module's commands share: what counts as acceptable text and dates from a person or a
 * client. Kept to constraint annotations and their rules, so it cannot grow into a grab-bag.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.conformity.validation;

import org.springframework.modulith.ApplicationModule;
