package id.siklus.command.platform;

import id.siklus.api.AuditMetadata;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.SQLException;

/** The event store's tables, the aggregate cache and the audit metadata every event carries. */
@Configuration
class AxonConfiguration {

    /** Who submitted a command and under which request travels onto every event it causes. */
    @Bean
    CorrelationDataProvider auditMetadataProvider() {
        return new SimpleCorrelationDataProvider(AuditMetadata.CLIENT_ID, AuditMetadata.USER_ID,
                AuditMetadata.REQUEST_ID, AuditMetadata.CORRELATION_ID);
    }

    /**
     * PostgreSQL reports a unique-key violation as SQLState 23505, which Axon's default resolver (vendor error codes)
     * does not see; without this a second registration of the same aggregate would look like a store failure instead
     * of a conflict.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * Kelurahan aggregates stay in memory between commands (weakly held, so memory pressure drops them); without it
     * every command would source the whole stream again, which grows with households and repayments. A command that
     * rolls back evicts its entry; another instance's change is caught by the store's sequence check.
     */
    @Bean
    Cache kelurahanCache() {
        return new WeakReferenceCache();
    }

    /** Tables created by the Flyway migration V1, with snake_case names that read well in SQL. */
    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .metaDataColumn("meta_data")
                .payloadColumn("payload")
                .payloadRevisionColumn("payload_revision")
                .payloadTypeColumn("payload_type")
                .timestampColumn("time_stamp")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }
}
