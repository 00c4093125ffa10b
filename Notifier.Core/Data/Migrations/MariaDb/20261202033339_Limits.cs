using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Notifier.Core.Data.Migrations.MariaDb
{
    /// <inheritdoc />
    public partial class Limits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_deliveries_AccountId_Status",
                table: "deliveries",
                columns: new[] { "AccountId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_deliveries_AccountId_Status",
                table: "deliveries");
        }
    }
}
