package cn.jianfu.ledger;

import java.util.Optional;

/**
 * The file a grassroots unit attached to its report of an ungated demand
 * ({@link UngatedDemandReported#attachmentId()}), for modules that read it (documents
 * matches its text against issued documents).
 */
public interface UngatedAttachments {

	/** The stored bytes, empty when there is no such attachment. */
	Optional<byte[]> read(String attachmentId);

}
