package io.conformity.notification.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, UUID> {

    Page<Notification> findByRecipient(String recipient, Pageable pageable);

    Page<Notification> findByRecipientAndReadAtIsNull(String recipient, Pageable pageable);

    Optional<Notification> findByIdAndRecipient(UUID id, String recipient);
}
