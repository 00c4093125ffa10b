CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "accounts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_accounts" PRIMARY KEY AUTOINCREMENT,
    "KakaoUserId" INTEGER NOT NULL,
    "Nickname" TEXT NOT NULL,
    "AccessTokenCipher" TEXT NOT NULL,
    "RefreshTokenCipher" TEXT NOT NULL,
    "AccessTokenExpiresAt" TEXT NOT NULL,
    "RefreshTokenExpiresAt" TEXT NOT NULL,
    "Scopes" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ConnectedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE TABLE "data_protection_keys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NOT NULL,
    "Xml" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_accounts_KakaoUserId" ON "accounts" ("KakaoUserId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122215331_Initial', '9.0.23');

CREATE TABLE "daily_usage" (
    "AccountId" INTEGER NOT NULL,
    "Day" TEXT NOT NULL,
    "Count" INTEGER NOT NULL,
    CONSTRAINT "PK_daily_usage" PRIMARY KEY ("AccountId", "Day"),
    CONSTRAINT "FK_daily_usage_accounts_AccountId" FOREIGN KEY ("AccountId") REFERENCES "accounts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "deliveries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_deliveries" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "TemplateJson" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "DueAt" TEXT NOT NULL,
    "SentAt" TEXT NULL,
    "LastError" TEXT NULL,
    "LeaseOwner" TEXT NULL,
    "ScheduleId" INTEGER NULL,
    "FireTime" TEXT NULL,
    CONSTRAINT "FK_deliveries_accounts_AccountId" FOREIGN KEY ("AccountId") REFERENCES "accounts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "idempotency_keys" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_idempotency_keys" PRIMARY KEY,
    "RequestHash" TEXT NOT NULL,
    "DeliveryId" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_idempotency_keys_deliveries_DeliveryId" FOREIGN KEY ("DeliveryId") REFERENCES "deliveries" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_deliveries_AccountId_Id" ON "deliveries" ("AccountId", "Id");

CREATE UNIQUE INDEX "IX_deliveries_ScheduleId_FireTime" ON "deliveries" ("ScheduleId", "FireTime");

CREATE INDEX "IX_deliveries_Status_DueAt" ON "deliveries" ("Status", "DueAt");

CREATE INDEX "IX_idempotency_keys_CreatedAt" ON "idempotency_keys" ("CreatedAt");

CREATE INDEX "IX_idempotency_keys_DeliveryId" ON "idempotency_keys" ("DeliveryId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122220845_Deliveries', '9.0.23');

ALTER TABLE "accounts" ADD "LastUpkeepAt" TEXT NULL;

CREATE TABLE "schedules" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_schedules" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Cron" TEXT NOT NULL,
    "TimeZone" TEXT NOT NULL,
    "MessageJson" TEXT NOT NULL,
    "TemplateJson" TEXT NOT NULL,
    "Enabled" INTEGER NOT NULL,
    "NextFireTime" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_schedules_accounts_AccountId" FOREIGN KEY ("AccountId") REFERENCES "accounts" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_schedules_AccountId" ON "schedules" ("AccountId");

CREATE INDEX "IX_schedules_Enabled_NextFireTime" ON "schedules" ("Enabled", "NextFireTime");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123130129_Schedules', '9.0.23');

CREATE INDEX "IX_accounts_Status_RefreshTokenExpiresAt" ON "accounts" ("Status", "RefreshTokenExpiresAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123142002_UpkeepIndex', '9.0.23');

ALTER TABLE "accounts" ADD "StatusReason" TEXT NULL;

CREATE TABLE "account_unlink_requests" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_account_unlink_requests" PRIMARY KEY AUTOINCREMENT,
    "KakaoUserId" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    "ReceivedAt" TEXT NOT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202013958_ConsentAndDisconnect', '9.0.23');

CREATE TABLE "app_rate_limits" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_app_rate_limits" PRIMARY KEY,
    "Streak" INTEGER NOT NULL,
    "LimitedAt" TEXT NOT NULL,
    "Until" TEXT NOT NULL
);

INSERT INTO "app_rate_limits" ("Name", "LimitedAt", "Streak", "Until")
VALUES ('kakao', '2000-01-01 00:00:00', 0, '2000-01-01 00:00:00');
SELECT changes();


INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202014206_KakaoRateLimit', '9.0.23');

ALTER TABLE "idempotency_keys" ADD "Scope" TEXT NOT NULL DEFAULT '';

ALTER TABLE "deliveries" ADD "RequestedBy" TEXT NULL;

ALTER TABLE "accounts" ADD "LastManualRefreshAt" TEXT NULL;

CREATE TABLE "api_keys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_api_keys" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Hash" TEXT NOT NULL,
    "Hint" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastUsedAt" TEXT NULL,
    CONSTRAINT "FK_api_keys_accounts_AccountId" FOREIGN KEY ("AccountId") REFERENCES "accounts" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_api_keys_AccountId_Name" ON "api_keys" ("AccountId", "Name");

CREATE UNIQUE INDEX "IX_api_keys_Hash" ON "api_keys" ("Hash");

CREATE TABLE "ef_temp_idempotency_keys" (
    "Scope" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "DeliveryId" INTEGER NOT NULL,
    "RequestHash" TEXT NOT NULL,
    CONSTRAINT "PK_idempotency_keys" PRIMARY KEY ("Scope", "Key"),
    CONSTRAINT "FK_idempotency_keys_deliveries_DeliveryId" FOREIGN KEY ("DeliveryId") REFERENCES "deliveries" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_idempotency_keys" ("Scope", "Key", "CreatedAt", "DeliveryId", "RequestHash")
SELECT "Scope", "Key", "CreatedAt", "DeliveryId", "RequestHash"
FROM "idempotency_keys";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "idempotency_keys";

ALTER TABLE "ef_temp_idempotency_keys" RENAME TO "idempotency_keys";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_idempotency_keys_CreatedAt" ON "idempotency_keys" ("CreatedAt");

CREATE INDEX "IX_idempotency_keys_DeliveryId" ON "idempotency_keys" ("DeliveryId");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202032550_ApiKeys', '9.0.23');

BEGIN TRANSACTION;
ALTER TABLE "accounts" ADD "IsFirstOwner" INTEGER NULL;

CREATE TABLE "invites" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_invites" PRIMARY KEY AUTOINCREMENT,
    "TokenHash" TEXT NOT NULL,
    "CreatedByAccountId" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "UsedAt" TEXT NULL,
    "UsedByKakaoUserId" INTEGER NULL,
    CONSTRAINT "FK_invites_accounts_CreatedByAccountId" FOREIGN KEY ("CreatedByAccountId") REFERENCES "accounts" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_accounts_IsFirstOwner" ON "accounts" ("IsFirstOwner");

CREATE INDEX "IX_invites_CreatedByAccountId_CreatedAt" ON "invites" ("CreatedByAccountId", "CreatedAt");

CREATE UNIQUE INDEX "IX_invites_TokenHash" ON "invites" ("TokenHash");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202032747_Owners', '9.0.23');

CREATE INDEX "IX_deliveries_AccountId_Status" ON "deliveries" ("AccountId", "Status");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202033326_Limits', '9.0.23');

ALTER TABLE "accounts" ADD "TimeZone" TEXT NOT NULL DEFAULT 'Asia/Seoul';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202033858_OwnerTimeZone', '9.0.23');

ALTER TABLE "deliveries" ADD "Topic" TEXT NULL;

CREATE TABLE "link_redirects" (
    "Token" TEXT NOT NULL CONSTRAINT "PK_link_redirects" PRIMARY KEY,
    "DeliveryId" INTEGER NOT NULL,
    "Url" TEXT NOT NULL,
    CONSTRAINT "FK_link_redirects_deliveries_DeliveryId" FOREIGN KEY ("DeliveryId") REFERENCES "deliveries" ("Id") ON DELETE CASCADE
);

CREATE TABLE "message_pages" (
    "Token" TEXT NOT NULL CONSTRAINT "PK_message_pages" PRIMARY KEY,
    "DeliveryId" INTEGER NOT NULL,
    "Topic" TEXT NOT NULL,
    "RequestedBy" TEXT NOT NULL,
    "Title" TEXT NULL,
    "Body" TEXT NOT NULL,
    "Tags" TEXT NOT NULL,
    "Markdown" INTEGER NOT NULL,
    "LinksJson" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_message_pages_deliveries_DeliveryId" FOREIGN KEY ("DeliveryId") REFERENCES "deliveries" ("Id") ON DELETE CASCADE
);

CREATE TABLE "topics" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_topics" PRIMARY KEY,
    "AccountId" INTEGER NOT NULL,
    "GitHubSecretCipher" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_topics_accounts_AccountId" FOREIGN KEY ("AccountId") REFERENCES "accounts" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_deliveries_Topic_Id" ON "deliveries" ("Topic", "Id");

CREATE INDEX "IX_link_redirects_DeliveryId" ON "link_redirects" ("DeliveryId");

CREATE INDEX "IX_message_pages_DeliveryId" ON "message_pages" ("DeliveryId");

CREATE INDEX "IX_topics_AccountId" ON "topics" ("AccountId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202051926_Integrations', '9.0.23');

CREATE TABLE "schedule_creation_keys" (
    "Scope" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "RequestHash" TEXT NOT NULL,
    "ScheduleId" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "PK_schedule_creation_keys" PRIMARY KEY ("Scope", "Key"),
    CONSTRAINT "FK_schedule_creation_keys_schedules_ScheduleId" FOREIGN KEY ("ScheduleId") REFERENCES "schedules" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_schedule_creation_keys_CreatedAt" ON "schedule_creation_keys" ("CreatedAt");

CREATE INDEX "IX_schedule_creation_keys_ScheduleId" ON "schedule_creation_keys" ("ScheduleId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203085045_ScheduleCreationKeys', '9.0.23');

COMMIT;

