using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Notifier.Core.Data.Migrations.MariaDb
{
    /// <inheritdoc />
    public partial class ScheduleCreationKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "schedule_creation_keys",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "varchar(120)", maxLength: 120, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Key = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    RequestHash = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    ScheduleId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schedule_creation_keys", x => new { x.Scope, x.Key });
                    table.ForeignKey(
                        name: "FK_schedule_creation_keys_schedules_ScheduleId",
                        column: x => x.ScheduleId,
                        principalTable: "schedules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_schedule_creation_keys_CreatedAt",
                table: "schedule_creation_keys",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_schedule_creation_keys_ScheduleId",
                table: "schedule_creation_keys",
                column: "ScheduleId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "schedule_creation_keys");
        }
    }
}
