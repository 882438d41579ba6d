package id.siklus.query.fund;

import id.siklus.query.platform.MemoryReadModel;
import id.siklus.query.platform.ReadModelCollections;
import id.siklus.api.loan.Instalment;
import id.siklus.api.loan.LoanDisbursed;
import id.siklus.api.loan.LoanRepaid;
import id.siklus.api.loan.LoanWrittenOff;
import id.siklus.api.loan.RepaymentRecorded;
import id.siklus.query.platform.IdempotentUpsert;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Every revolving loan with its schedule and what has been repaid, one document per loan, in whole rupiah. The
 * fund's health (outstanding, repayment rate, PAR) is computed from these documents when asked.
 */
@Component
@ProcessingGroup(LoanBookProjection.PROCESSING_GROUP)
public class LoanBookProjection {

    public static final String PROCESSING_GROUP = "loan-book";
    public static final String COLLECTION = "loans";

    private final MongoTemplate mongo;
    private final IdempotentUpsert upsert;

    LoanBookProjection(MongoTemplate mongo, IdempotentUpsert upsert) {
        this.mongo = mongo;
        this.upsert = upsert;
        ensureIndexes();
    }

    @EventHandler
    void on(LoanDisbursed event, @SequenceNumber long sequence) {
        List<Document> schedule = event.schedule().stream().map(LoanBookProjection::instalment).toList();
        upsert.apply(COLLECTION, event.loanId(), sequence, new Update()
                .set("kelurahanCode", event.kelurahanCode())
                .set("ksmId", event.ksmId())
                .set("principal", event.principal().amount())
                .set("disbursedOn", event.disbursedOn().toString())
                .set("schedule", schedule)
                .set("principalPaid", 0L)
                .set("feesPaid", 0L)
                .set("status", "OPEN"));
    }

    private static Document instalment(Instalment instalment) {
        return new Document("number", instalment.number())
                .append("dueOn", instalment.dueOn().toString())
                .append("principal", instalment.principal().amount())
                .append("fee", instalment.fee().amount());
    }

    @EventHandler
    void on(RepaymentRecorded event, @SequenceNumber long sequence) {
        upsert.apply(COLLECTION, event.loanId(), sequence, new Update()
                .inc("principalPaid", event.overduePrincipalPaid().amount() + event.currentPrincipalPaid().amount())
                .inc("feesPaid", event.feesPaid().amount())
                .set("lastPaidOn", event.paidOn().toString()));
    }

    @EventHandler
    void on(LoanRepaid event, @SequenceNumber long sequence) {
        upsert.apply(COLLECTION, event.loanId(), sequence, new Update()
                .set("status", "REPAID")
                .set("closedOn", event.repaidOn().toString())
                .set("maxDaysLate", event.maxDaysLate())
                .set("repaidOnTime", event.repaidOnTime()));
    }

    @EventHandler
    void on(LoanWrittenOff event, @SequenceNumber long sequence) {
        upsert.apply(COLLECTION, event.loanId(), sequence, new Update()
                .set("status", "WRITTEN_OFF")
                .set("closedOn", event.writtenOffOn().toString())
                .set("principalLost", event.principalLost().amount()));
    }

    private void ensureIndexes() {
        mongo.indexOps(ReadModelCollections.target(COLLECTION)).ensureIndex(new org.springframework.data.mongodb.core.index.Index()
                .on("kelurahanCode", org.springframework.data.domain.Sort.Direction.ASC));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ReadModelCollections.target(COLLECTION));
        ensureIndexes();
    }

    /** The same, from a view of the past. */
    public List<Document> of(MemoryReadModel past) {
        return past.find(COLLECTION, Document.class, mongo.getConverter(), "disbursedOn", "_id");
    }

    public List<Document> of(String kelurahanCode) {
        return mongo.find(new Query(Criteria.where("kelurahanCode").is(kelurahanCode))
                .with(org.springframework.data.domain.Sort.by("disbursedOn", "_id")), Document.class, COLLECTION);
    }
}
