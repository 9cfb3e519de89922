package io.kefu.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.kefu.security.domain.ApiTokenRepository;
import io.kefu.security.domain.ApiTokenSecret;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens (API 令牌): scripts and integrations call the API with
 * {@code Authorization: Bearer kefu_…} as the account that created the token,
 * with its roles and sites as they are at each call.
 */
@Service
public class ApiTokenManagement {

	public static final int MAX_NAME_LENGTH = 50;

	public static final int MAX_ACTIVE_TOKENS = 20;

	/** The lifetimes one may choose, in days; {@code null} is a token that never expires. */
	public static final List<Integer> EXPIRY_DAYS = List.of(30, 90, 365);

	/** Lists show the newest tokens; older revoked and expired ones fall off the end. */
	private static final int LIST_LIMIT = 100;

	private final ApiTokenRepository tokens;

	private final Clock clock;

	ApiTokenManagement(ApiTokenRepository tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	/** Creates a token for the user; its text is in the result and nowhere else. */
	@Transactional
	public NewApiToken create(CurrentUser user, String name, Integer expiresInDays) {
		String label = name == null ? "" : name.strip();
		if (label.isEmpty()) {
			throw new InvalidInputException("name", "请填写令牌名称，例如用在哪个脚本或系统");
		}
		if (label.codePointCount(0, label.length()) > MAX_NAME_LENGTH) {
			throw new InvalidInputException("name", "令牌名称不能超过 " + MAX_NAME_LENGTH + " 个字");
		}
		if (expiresInDays != null && !EXPIRY_DAYS.contains(expiresInDays)) {
			throw new InvalidInputException("expiresInDays", "有效期只能是 30、90、365 天或永不过期");
		}
		Instant now = clock.instant();
		if (tokens.countActiveLocking(user.accountId(), now) >= MAX_ACTIVE_TOKENS) {
			throw new InvalidInputException("name",
					"每人最多有 " + MAX_ACTIVE_TOKENS + " 个有效的 API 令牌，请先撤销不再使用的令牌");
		}
		Instant expiresAt = expiresInDays == null ? null : now.plus(Duration.ofDays(expiresInDays));
		String token = ApiTokenSecret.generate();
		long id = tokens.insert(user.accountId(), label, token, now, expiresAt);
		return new NewApiToken(tokens.findById(id, user.accountId(), now).orElseThrow(), token);
	}

	/** The user's own tokens, newest first. */
	public List<ApiTokenSummary> tokens(CurrentUser user) {
		return tokens.findByAccount(user.accountId(), clock.instant(), LIST_LIMIT);
	}

	/** Revokes one of the user's own tokens; another account's token is "not found". */
	@Transactional
	public void revoke(CurrentUser user, long tokenId) {
		revoke(user.accountId(), tokenId);
	}

	/** Any account's tokens, for an administrator. */
	public List<ApiTokenSummary> tokensOf(CurrentUser administrator, long accountId) {
		requireAdministrator(administrator);
		return tokens.findByAccount(accountId, clock.instant(), LIST_LIMIT);
	}

	/** An administrator revokes a token of any account, e.g. of someone who left. */
	@Transactional
	public void revokeOf(CurrentUser administrator, long accountId, long tokenId) {
		requireAdministrator(administrator);
		revoke(accountId, tokenId);
	}

	private void revoke(long accountId, long tokenId) {
		if (!tokens.revoke(tokenId, accountId, clock.instant())) {
			throw new NotFoundException("没有找到该 API 令牌");
		}
	}

	private static void requireAdministrator(CurrentUser user) {
		if (!user.isAdministrator()) {
			throw new AccessDeniedException("只有系统管理员可以管理他人的 API 令牌");
		}
	}
}
