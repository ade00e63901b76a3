/**
 * The audit trail: an append-only, hash-chained record of every state change, anchored outside the database by
 * signed checkpoints and by the chain head printed in each issued declaration. Modules publish {@link
 * io.conformity.audit.Audited} events; they never write entries themselves.
 */
package io.conformity.audit;
