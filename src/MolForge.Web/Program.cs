using MolForge.Web;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddMolForgeWeb(builder.Configuration);

var app = builder.Build();
app.UseMolForgeWeb();
app.Run();
