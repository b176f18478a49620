/**
 * TLC model configuration files ({@code .cfg}): {@link io.synod.checker.config.ConfigReader}
 * reads one into an immutable {@link io.synod.checker.config.ModelConfig} whose entries carry
 * their source positions, {@link io.synod.checker.config.ConfigPrinter} writes one back, and
 * {@link io.synod.checker.config.ConfigChecker} checks one against a specification described by
 * {@link io.synod.checker.config.ModuleSymbols}. Problems are
 * {@link io.synod.checker.config.Diagnostic}s ({@code file:line:col: message}); a configuration
 * that cannot be used raises a {@link io.synod.checker.config.ConfigException} (TLC's exit code
 * 151).
 */
package io.synod.checker.config;
