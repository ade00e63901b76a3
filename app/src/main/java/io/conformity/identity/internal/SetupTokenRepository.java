package io.conformity.identity.internal;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SetupTokenRepository extends JpaRepository<SetupToken, String> {

    /** Deletes the token if it is known and unexpired; 1 for the one caller that used it, 0 for everyone else. */
    @Modifying
    @Query("delete from SetupToken t where t.tokenHash = ?1 and t.expiresAt > ?2")
    int consume(String tokenHash, Instant now);
}
