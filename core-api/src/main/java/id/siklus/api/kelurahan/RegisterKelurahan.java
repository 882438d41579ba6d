package id.siklus.api.kelurahan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An ADMIN enrols a kelurahan in the program. */
public record RegisterKelurahan(@TargetAggregateIdentifier String code, String name, String kecamatan, String kota) {
}
