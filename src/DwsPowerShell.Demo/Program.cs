Console.WriteLine("demo: not yet written");
