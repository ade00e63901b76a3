/**
 * The pages people use: server-rendered with Thymeleaf and progressively enhanced with htmx and small scripts served
 * from this origin (the content security policy allows no inline script or style). Pages call the same module
 * facades as the REST API, so rules, membership checks and audit entries are the API's; roles are checked here with
 * the same {@code @PreAuthorize} expressions as the API's controllers. The only logic of their own is what a page
 * shows and how a refusal reaches the field it is about.
 */
package io.conformity.ui;
