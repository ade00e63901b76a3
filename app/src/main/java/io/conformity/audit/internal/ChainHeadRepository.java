package io.conformity.audit.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import jakarta.persistence.LockModeType;

interface ChainHeadRepository extends Repository<ChainHeadRow, Integer> {

    /** SELECT ... FOR UPDATE: the lock that serializes appends across every node sharing the database. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select h from ChainHeadRow h where h.id = " + ChainHeadRow.ID)
    Optional<ChainHeadRow> lock();

    @Query("select h from ChainHeadRow h where h.id = " + ChainHeadRow.ID)
    Optional<ChainHeadRow> read();
}
