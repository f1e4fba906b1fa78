using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MolForge.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ScreeningJobError : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Error",
                table: "ScreeningJobs",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Error",
                table: "ScreeningJobs");
        }
    }
}
