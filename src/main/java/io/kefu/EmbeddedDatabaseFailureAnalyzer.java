package io.kefu;

import io.kefu.EmbeddedDatabase.EmbeddedDatabaseException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in two lines, instead of a stack trace, why the embedded database did not start. */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Kefu's data directory is set with --kefu.data-dir (default ./data); "
						+ "an external PostgreSQL with KEFU_DB_URL, KEFU_DB_USER and KEFU_DB_PASSWORD.",
				cause);
	}
}
