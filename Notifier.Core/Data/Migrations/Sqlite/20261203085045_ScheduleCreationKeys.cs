using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Notifier.Core.Data.Migrations.Sqlite
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
                    Scope = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ScheduleId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                });

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
