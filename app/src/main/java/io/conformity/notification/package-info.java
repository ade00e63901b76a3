/**
 * Notifications: what the application tells people, in an in-app inbox always and by e-mail when SMTP is configured.
 * It listens to other modules' events (a task's deadline from the workflow, a product's support period from the
 * product module) and chooses the recipients among the product's members by role; no module depends on it.
 */
package io.conformity.notification;
