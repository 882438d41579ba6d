-- Which kelurahan a loan belongs to, so that a repayment addressed to /loans/{loanId} reaches the kelurahan whose
-- revolving fund it repays. Written in the transaction of the loan's event; a loan id is never reused.
CREATE TABLE loan_directory (
    loan_id        VARCHAR(64) NOT NULL PRIMARY KEY,
    kelurahan_code VARCHAR(13) NOT NULL,
    claimed_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
