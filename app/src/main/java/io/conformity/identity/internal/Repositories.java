package io.conformity.identity.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import io.conformity.identity.Role;

interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    @Query("select count(u) > 0 from UserAccount u join u.roles r where r = ?1 and u.enabled = true")
    boolean existsEnabledWithRole(Role role);
}

interface SetupTokenRepository extends JpaRepository<SetupToken, String> {

    /** Deletes the token if it is known and unexpired; 1 for the one caller that used it, 0 for everyone else. */
    @Modifying
    @Query("delete from SetupToken t where t.tokenHash = ?1 and t.expiresAt > ?2")
    int consume(String tokenHash, Instant now);
}
