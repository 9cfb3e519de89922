-- Personal API tokens: only the SHA-256 of a token is kept, never the token itself.
create table api_token (
    id            bigint generated always as identity primary key,
    account_id    bigint      not null references account (id),
    name          text        not null check (char_length(name) between 1 and 50),
    token_hash    bytea       not null check (length(token_hash) = 32),
    -- the token's first characters (kefu_ and 8 more), so that its owner recognises it
    prefix        text        not null,
    created_at    timestamptz not null,
    last_used_at  timestamptz,
    expires_at    timestamptz,
    revoked_at    timestamptz,
    constraint api_token_hash_unique unique (token_hash)
);

create index api_token_account_ix on api_token (account_id, created_at desc);
