package io.conformity.notification.internal;

import java.util.List;
import java.util.UUID;

/** Notifications stored in the current transaction whose e-mail copies go out once it commits. */
record NotificationsStored(List<UUID> ids) {}
