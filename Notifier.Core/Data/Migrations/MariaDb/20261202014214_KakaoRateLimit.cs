using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Notifier.Core.Data.Migrations.MariaDb
{
    /// <inheritdoc />
    public partial class KakaoRateLimit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "app_rate_limits",
                columns: table => new
                {
                    Name = table.Column<string>(type: "varchar(32)", maxLength: 32, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Streak = table.Column<int>(type: "int", nullable: false),
                    LimitedAt = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    Until = table.Column<DateTime>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_app_rate_limits", x => x.Name);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.InsertData(
                table: "app_rate_limits",
                columns: new[] { "Name", "LimitedAt", "Streak", "Until" },
                values: new object[] { "kakao", new DateTime(2000, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 0, new DateTime(2000, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc) });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "app_rate_limits");
        }
    }
}
