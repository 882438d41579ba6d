package id.siklus.command.loan;

import id.siklus.api.loan.DisburseLoan;
import id.siklus.api.loan.Instalment;
import id.siklus.api.loan.RecordRepayment;
import id.siklus.api.loan.RepaymentSchedule;
import id.siklus.api.loan.WriteOffLoan;
import id.siklus.api.money.Rupiah;
import id.siklus.command.platform.CommandSender;
import id.siklus.command.platform.EffectiveDates;
import id.siklus.command.platform.IdentityClaims;
import id.siklus.command.platform.KelurahanPath;
import id.siklus.support.security.Access;
import id.siklus.support.security.Role;
import id.siklus.support.security.SiklusClient;
import id.siklus.support.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@RestController
@Tag(name = "Revolving loans", description = "Loans from the revolving fund to EKONOMI KSM, and their repayments")
class LoanController {

    private final CommandSender commands;
    private final Access access;
    private final EffectiveDates dates;
    private final IdentityClaims identities;

    LoanController(CommandSender commands, Access access, EffectiveDates dates, IdentityClaims identities) {
        this.commands = commands;
        this.access = access;
        this.dates = dates;
        this.identities = identities;
    }

    @PostMapping("/api/v1/kelurahan/{code}/loans")
    @Operation(summary = "Lend to an active EKONOMI KSM without another outstanding loan, within the fund's "
            + "available balance and the KSM's ceiling; answers with the schedule. Money command: Idempotency-Key "
            + "required")
    ResponseEntity<?> disburse(@PathVariable String code, @Valid @RequestBody DisburseLoanRequest body,
                               HttpServletRequest request) {
        KelurahanPath.require(code);
        SiklusClient client = access.requireWrite(code);
        CommandSender.requireIdempotencyKey(request);
        if (body.principal().isZero()) {
            throw ApiProblem.badRequest("INVALID_FIELD", "'principal' must be more than Rp 0.");
        }
        LocalDate disbursedOn = dates.notInFuture(body.disbursedOn(), "disbursedOn");
        String loanId = (body.loanId() != null ? body.loanId() : UUID.randomUUID()).toString();
        DisburseLoan command = new DisburseLoan(code, loanId, body.ksmId().toString(), body.principal(),
                body.termMonths(), body.monthlyFeeBasisPoints(), disbursedOn);
        List<Instalment> schedule = RepaymentSchedule.of(body.principal(), body.termMonths(),
                body.monthlyFeeBasisPoints(), disbursedOn);
        return commands.submit(command, new RequestAt(code, body), ResponseEntity.status(HttpStatus.CREATED)
                        .body(new Disbursed(loanId, body.principal(), schedule)), client, request,
                KelurahanPath.unknownKelurahan(code));
    }

    @PostMapping("/api/v1/loans/{loanId}/repayments")
    @Operation(summary = "Record a repayment: applied to fees due, then overdue principal, then current principal; "
            + "more than is owed is refused. Money command: Idempotency-Key required")
    ResponseEntity<?> repay(@PathVariable UUID loanId, @Valid @RequestBody RepaymentRequest body,
                            HttpServletRequest request) {
        access.requireRole(Role.LKM);
        String code = kelurahanOf(loanId);
        SiklusClient client = access.requireWrite(code);
        CommandSender.requireIdempotencyKey(request);
        if (body.amount().isZero()) {
            throw ApiProblem.badRequest("INVALID_FIELD", "'amount' must be more than Rp 0.");
        }
        LocalDate paidOn = dates.notInFuture(body.paidOn(), "paidOn");
        String repaymentId = (body.repaymentId() != null ? body.repaymentId() : UUID.randomUUID()).toString();
        RecordRepayment command = new RecordRepayment(code, loanId.toString(), repaymentId, body.amount(), paidOn);
        return commands.submit(command, new RequestAt(loanId.toString(), body), ResponseEntity
                        .status(HttpStatus.CREATED).body(new Repaid(repaymentId, loanId.toString(), body.amount())),
                client, request, KelurahanPath.unknownKelurahan(code));
    }

    @PostMapping("/api/v1/loans/{loanId}/write-off")
    @Operation(summary = "Write off a loan with an instalment more than 180 days late (ADMIN)")
    ResponseEntity<?> writeOff(@PathVariable UUID loanId, @Valid @RequestBody WriteOffRequest body,
                               HttpServletRequest request) {
        SiklusClient client = access.requireRole(Role.ADMIN);
        String code = kelurahanOf(loanId);
        CommandSender.requireIdempotencyKey(request);
        LocalDate writtenOffOn = dates.notInFuture(body.writtenOffOn(), "writtenOffOn");
        WriteOffLoan command = new WriteOffLoan(code, loanId.toString(), body.reason().strip(), writtenOffOn);
        return commands.submit(command, new RequestAt(loanId.toString(), body),
                ResponseEntity.ok(new WrittenOff(loanId.toString(), writtenOffOn)), client, request,
                KelurahanPath.unknownKelurahan(code));
    }

    private String kelurahanOf(UUID loanId) {
        return identities.kelurahanOfLoan(loanId.toString()).orElseThrow(() -> ApiProblem.notFound("LOAN_NOT_FOUND",
                "No loan " + loanId + " is recorded. Check the id the disbursement answered with."));
    }

    private record RequestAt(String target, Object body) {
    }

    record DisburseLoanRequest(UUID loanId, @NotNull UUID ksmId, @NotNull Rupiah principal,
                               @NotNull @Min(1) @Max(60) Integer termMonths,
                               @NotNull @Min(0) @Max(1000) Integer monthlyFeeBasisPoints,
                               @NotNull LocalDate disbursedOn) {
    }

    record Disbursed(String loanId, Rupiah principal, List<Instalment> schedule) {
    }

    record RepaymentRequest(UUID repaymentId, @NotNull Rupiah amount, @NotNull LocalDate paidOn) {
    }

    record Repaid(String repaymentId, String loanId, Rupiah amount) {
    }

    record WriteOffRequest(@NotBlank @Size(max = 500) String reason, @NotNull LocalDate writtenOffOn) {
    }

    record WrittenOff(String loanId, LocalDate writtenOffOn) {
    }
}
