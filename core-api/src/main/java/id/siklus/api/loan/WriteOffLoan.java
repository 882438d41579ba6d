package id.siklus.api.loan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** An ADMIN writes off a loan with an instalment more than 180 days late. */
public record WriteOffLoan(@TargetAggregateIdentifier String kelurahanCode, String loanId, String reason,
                           LocalDate writtenOffOn) {
}
